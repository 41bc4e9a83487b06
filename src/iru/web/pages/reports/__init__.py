"""The unit's reports: the Head of Service writes and publishes them, admin reads them."""
