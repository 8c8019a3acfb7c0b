"""Write a website's cookie charter from one cookie declaration, in every Sphinx build."""

from __future__ import annotations

__version__ = "0.1.0"
