"""reform-kg: Vietnamese administrative-reform articles turned into an RDF knowledge graph."""

__version__ = "0.1.0"
