"""lupus-guide: an offline guide to infusion therapy for lupus."""

__version__ = "0.1.0"
