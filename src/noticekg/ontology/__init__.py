"""The noticekg ontology: ``noticekg.ttl`` (OWL), ``shapes.ttl`` (SHACL), ``context.jsonld`` and
the :class:`NKG` namespace, shipped as package data."""

from importlib.resources import files
from importlib.resources.abc import Traversable

from noticekg.ontology.namespace import NKG

__all__ = ["NKG", "ONTOLOGY_IRI", "resource"]

ONTOLOGY_IRI = "https://w3id.org/noticekg/ontology"


def resource(name: str) -> Traversable:
    """A data file shipped with the ontology package (``noticekg.ttl``, ``shapes.ttl`` …)."""
    return files(__package__).joinpath(name)
