"""Running work on Dask: local worker processes, or a distributed cluster.

The one place that imports Dask. It knows nothing of documents or stores: it
maps a function over a stream of work items and hands back results as they
complete. The caller (ingest orchestration) decides what an item is and
what the function does; the function runs in the workers, so it must be a
module-level function (or a partial of one) that Dask can pickle by name.
"""

from bilateral.scale.runner import Cluster, map_unordered

__all__ = ["Cluster", "map_unordered"]
