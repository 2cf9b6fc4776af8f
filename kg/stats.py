"""`kg stats`: what the graph holds, counted per class, per source document and per province."""

from __future__ import annotations

from kg.output import display, render_table
from kg.store import GraphStore

PREFIXES = """\
PREFIX rk: <https://w3id.org/reformkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX org: <http://www.w3.org/ns/org#>
"""

PER_CLASS = PREFIXES + """
SELECT ?class (COUNT(DISTINCT ?node) AS ?instances)
WHERE { ?node a ?class }
GROUP BY ?class
ORDER BY DESC(?instances) ?class
"""

PER_SOURCE = PREFIXES + """
SELECT ?source
       (COUNT(DISTINCT ?task) AS ?tasks) (COUNT(DISTINCT ?observation) AS ?observations)
       (COUNT(DISTINCT ?membership) AS ?memberships) (COUNT(DISTINCT ?directive) AS ?directives)
       (COUNT(DISTINCT ?named) AS ?entities)
WHERE {
  ?source a rk:SourceDocument .
  { ?task a rk:Task ; prov:wasDerivedFrom ?source }
  UNION { ?observation a rk:Observation ; prov:wasDerivedFrom ?source }
  UNION { ?membership a org:Membership ; prov:wasDerivedFrom ?source }
  UNION { ?directive a rk:Directive ; prov:wasDerivedFrom ?source }
  UNION { ?named rk:mentionedIn ?source }
  UNION { BIND ("no facts" AS ?alone) }
}
GROUP BY ?source
ORDER BY ?source
"""

PER_PROVINCE = PREFIXES + """
SELECT ?province (COUNT(DISTINCT ?task) AS ?tasks) (COUNT(DISTINCT ?observation) AS ?observations)
       (COUNT(DISTINCT ?source) AS ?sources)
WHERE {
  ?place a rk:Province ; rdfs:label ?province .
  FILTER (lang(?province) = "vi")
  ?area (rk:partOf|rk:jurisdiction)? ?place .
  { ?task rk:assignedTo ?area . FILTER NOT EXISTS { ?task rk:breakdownOf ?total } }
  UNION { ?observation rk:refArea ?area }
  UNION { ?place rk:mentionedIn ?source }
  UNION { BIND ("no facts" AS ?alone) }
}
GROUP BY ?province
ORDER BY DESC(?tasks) DESC(?observations) ?province
"""


def statistics(store: GraphStore) -> str:
    """Three tables: instances per class, facts per source document, tasks and figures per province."""
    sections = [
        ("Instances per class", PER_CLASS),
        ("Facts per source document", PER_SOURCE),
        ("Per province (a reported breakdown counts as one task)", PER_PROVINCE),
    ]
    return "\n".join([f"{len(store)} triples", *(f"{title}\n{_table(store, query)}" for title, query in sections)])


def class_counts(store: GraphStore) -> str:
    return _table(store, PER_CLASS)


def _table(store: GraphStore, query: str) -> str:
    result = store.query(query)
    return render_table(result.variables, [[display(term) for term in row] for row in result.rows])
