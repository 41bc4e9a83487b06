"""The Head of Service's pages: thin views over selectors, presenters and services."""
