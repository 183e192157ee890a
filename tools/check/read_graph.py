#!/usr/bin/env python3
"""Reads a GEXF or GraphML file with NetworkX, as an analyst would, and prints what it found
as JSON: whether the graph is directed, its nodes and edges with all their attributes. The graph
writers' tests compare this with what they wrote, so a file NetworkX cannot read, or reads
differently, fails them.

    read_graph.py FILE    (the format is taken from the extension: .gexf or .graphml)
"""
import json
import sys

import networkx


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    path = sys.argv[1]
    if path.endswith(".gexf"):
        graph = networkx.read_gexf(path)
    elif path.endswith(".graphml"):
        graph = networkx.read_graphml(path)
    else:
        print(f"read_graph.py: {path}: expected a .gexf or .graphml file", file=sys.stderr)
        return 2
    edges = graph.edges(keys=True, data=True) if graph.is_multigraph() else graph.edges(data=True)
    result = {
        "directed": graph.is_directed(),
        "mode": graph.graph.get("mode"),
        "nodes": {str(node): data for node, data in graph.nodes(data=True)},
        "edges": [
            {"source": str(edge[0]), "target": str(edge[1]), **edge[-1]}
            for edge in edges
        ],
    }
    json.dump(result, sys.stdout, ensure_ascii=False, sort_keys=True, default=str)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
