"""The Qt side: windows, table models, delegates and dialogs over the services in `app/`."""
