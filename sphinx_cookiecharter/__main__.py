"""``python -m sphinx_cookiecharter``: the same as the ``cookiecharter`` command."""

import sys

from .cli import main

sys.exit(main())
