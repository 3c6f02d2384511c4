"""One module per area screen; modals beside them."""
