"""Writes for meetings: recording one held (`recording`), arranging one (`convening`), and the
unit's files of past meetings (`imports`)."""
