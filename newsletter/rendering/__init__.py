"""Issues to email: MJML per block, CSS inlined, plain text alongside; once per language edition."""

from .edition import Edition, mjml_to_email_html, render_edition
from .links import PersonalLinks
from .registry import UnmappedBlockError, registry

__all__ = ["Edition", "PersonalLinks", "UnmappedBlockError", "mjml_to_email_html", "registry", "render_edition"]
