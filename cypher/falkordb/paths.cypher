// FalkorDB's paths: as cypher/paths.cypher, with its O(1) degree functions for the hub test.
// How two entities connect: every path of exactly N hops, one query per N, written out hop by hop
// so each hop's filters apply before the next hop is expanded. The API asks N = 1, 2, ... and stops
// at the first N with paths, so it returns all shortest paths without shortestPath(), which FalkorDB
// only runs directed (and a walk that repeats a node or edge always contains a shorter path, so
// none reaches the first N that has one). A path never passes through a hub: an inner node with more
// than $hub edges (a province links almost everything, and walking through it multiplies the paths
// visited); either end may be one. Paths come ordered by the ids along them (then the edge types),
// so $limit cuts the same paths on every engine; three hops and more run with the /api/query timeout.
// The target is bound first, so the last hop checks one adjacency instead of walking a neighbourhood.

// name: paths_1
MATCH (a:Entity {id: $source})-[r1]-(b:Entity {id: $target})
WHERE any(f IN coalesce(r1.docs, []) WHERE NOT f IN $incomplete)
WITH [a, b] AS path_nodes, [r1] AS path_edges
WITH path_nodes, path_edges, reduce(key = '', x IN path_nodes | key + x.id + '|') AS via,
     reduce(key = '', r IN path_edges | key + type(r) + '|') AS types
ORDER BY via, types
LIMIT $limit
RETURN [x IN path_nodes | x {.id, .label, .name}] AS nodes,
       [r IN path_edges | {type: type(r), source: startNode(r).id, target: endNode(r).id,
                           evidence: r.evidence}] AS edges

// name: paths_2
MATCH (b:Entity {id: $target})
WITH b
MATCH (a:Entity {id: $source})-[r1]-(x1:Entity)
WHERE any(f IN coalesce(r1.docs, []) WHERE NOT f IN $incomplete)
WITH a, b, r1, x1, indegree(x1) + outdegree(x1) AS degree
WHERE degree <= $hub
MATCH (x1)-[r2]-(b)
WHERE any(f IN coalesce(r2.docs, []) WHERE NOT f IN $incomplete)
WITH [a, x1, b] AS path_nodes, [r1, r2] AS path_edges
WITH path_nodes, path_edges, reduce(key = '', x IN path_nodes | key + x.id + '|') AS via,
     reduce(key = '', r IN path_edges | key + type(r) + '|') AS types
ORDER BY via, types
LIMIT $limit
RETURN [x IN path_nodes | x {.id, .label, .name}] AS nodes,
       [r IN path_edges | {type: type(r), source: startNode(r).id, target: endNode(r).id,
                           evidence: r.evidence}] AS edges

// name: paths_3
// timeout: query
MATCH (b:Entity {id: $target})
WITH b
MATCH (a:Entity {id: $source})-[r1]-(x1:Entity)
WHERE any(f IN coalesce(r1.docs, []) WHERE NOT f IN $incomplete)
WITH a, b, r1, x1, indegree(x1) + outdegree(x1) AS degree
WHERE degree <= $hub
MATCH (x1)-[r2]-(x2:Entity)
WHERE any(f IN coalesce(r2.docs, []) WHERE NOT f IN $incomplete)
WITH a, b, r1, x1, r2, x2, indegree(x2) + outdegree(x2) AS degree
WHERE degree <= $hub
MATCH (x2)-[r3]-(b)
WHERE any(f IN coalesce(r3.docs, []) WHERE NOT f IN $incomplete)
WITH [a, x1, x2, b] AS path_nodes, [r1, r2, r3] AS path_edges
WITH path_nodes, path_edges, reduce(key = '', x IN path_nodes | key + x.id + '|') AS via,
     reduce(key = '', r IN path_edges | key + type(r) + '|') AS types
ORDER BY via, types
LIMIT $limit
RETURN [x IN path_nodes | x {.id, .label, .name}] AS nodes,
       [r IN path_edges | {type: type(r), source: startNode(r).id, target: endNode(r).id,
                           evidence: r.evidence}] AS edges

// name: paths_4
// timeout: query
MATCH (b:Entity {id: $target})
WITH b
MATCH (a:Entity {id: $source})-[r1]-(x1:Entity)
WHERE any(f IN coalesce(r1.docs, []) WHERE NOT f IN $incomplete)
WITH a, b, r1, x1, indegree(x1) + outdegree(x1) AS degree
WHERE degree <= $hub
MATCH (x1)-[r2]-(x2:Entity)
WHERE any(f IN coalesce(r2.docs, []) WHERE NOT f IN $incomplete)
WITH a, b, r1, x1, r2, x2, indegree(x2) + outdegree(x2) AS degree
WHERE degree <= $hub
MATCH (x2)-[r3]-(x3:Entity)
WHERE any(f IN coalesce(r3.docs, []) WHERE NOT f IN $incomplete)
WITH a, b, r1, x1, r2, x2, r3, x3, indegree(x3) + outdegree(x3) AS degree
WHERE degree <= $hub
MATCH (x3)-[r4]-(b)
WHERE any(f IN coalesce(r4.docs, []) WHERE NOT f IN $incomplete)
WITH [a, x1, x2, x3, b] AS path_nodes, [r1, r2, r3, r4] AS path_edges
WITH path_nodes, path_edges, reduce(key = '', x IN path_nodes | key + x.id + '|') AS via,
     reduce(key = '', r IN path_edges | key + type(r) + '|') AS types
ORDER BY via, types
LIMIT $limit
RETURN [x IN path_nodes | x {.id, .label, .name}] AS nodes,
       [r IN path_edges | {type: type(r), source: startNode(r).id, target: endNode(r).id,
                           evidence: r.evidence}] AS edges

// name: paths_5
// timeout: query
MATCH (b:Entity {id: $target})
WITH b
MATCH (a:Entity {id: $source})-[r1]-(x1:Entity)
WHERE any(f IN coalesce(r1.docs, []) WHERE NOT f IN $incomplete)
WITH a, b, r1, x1, indegree(x1) + outdegree(x1) AS degree
WHERE degree <= $hub
MATCH (x1)-[r2]-(x2:Entity)
WHERE any(f IN coalesce(r2.docs, []) WHERE NOT f IN $incomplete)
WITH a, b, r1, x1, r2, x2, indegree(x2) + outdegree(x2) AS degree
WHERE degree <= $hub
MATCH (x2)-[r3]-(x3:Entity)
WHERE any(f IN coalesce(r3.docs, []) WHERE NOT f IN $incomplete)
WITH a, b, r1, x1, r2, x2, r3, x3, indegree(x3) + outdegree(x3) AS degree
WHERE degree <= $hub
MATCH (x3)-[r4]-(x4:Entity)
WHERE any(f IN coalesce(r4.docs, []) WHERE NOT f IN $incomplete)
WITH a, b, r1, x1, r2, x2, r3, x3, r4, x4, indegree(x4) + outdegree(x4) AS degree
WHERE degree <= $hub
MATCH (x4)-[r5]-(b)
WHERE any(f IN coalesce(r5.docs, []) WHERE NOT f IN $incomplete)
WITH [a, x1, x2, x3, x4, b] AS path_nodes, [r1, r2, r3, r4, r5] AS path_edges
WITH path_nodes, path_edges, reduce(key = '', x IN path_nodes | key + x.id + '|') AS via,
     reduce(key = '', r IN path_edges | key + type(r) + '|') AS types
ORDER BY via, types
LIMIT $limit
RETURN [x IN path_nodes | x {.id, .label, .name}] AS nodes,
       [r IN path_edges | {type: type(r), source: startNode(r).id, target: endNode(r).id,
                           evidence: r.evidence}] AS edges
