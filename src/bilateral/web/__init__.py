"""The HTTP interface: a JSON API and HTML pages over the knowledge base.

`create_app` builds the FastAPI application; `bilateral serve` runs it with
uvicorn. FastAPI, Starlette and Jinja are used here and nowhere else.
"""

from bilateral.web.app import create_app
from bilateral.web.state import WebSettings

__all__ = ["WebSettings", "create_app"]
