"""Alembic revisions, one file per named migration (``revision`` is the name).

The files are loaded by Alembic from this folder, not imported by the
package; the ``__init__`` only lets the type checker see them.
"""
