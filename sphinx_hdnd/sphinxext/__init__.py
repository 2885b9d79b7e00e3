"""The Sphinx layer: directives and roles that turn the model into docutils nodes."""
