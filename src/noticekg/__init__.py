"""noticekg: Chinese government notices to a linked-data knowledge graph."""

__version__ = "0.1.0"
