"""Parts of pages that several directives build: one module per subject, no directive."""
