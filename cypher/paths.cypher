// How two entities connect: every path of exactly N hops, one query per N (bounds cannot be
// parameters). The API asks N = 1, 2, ... and stops at the first N with paths, so it returns all
// shortest paths without shortestPath(), which FalkorDB only runs directed. Paths come ordered
// by the ids along them (then the edge types), so $limit cuts the same paths on every engine;
// three hops and more run with the /api/query timeout (`timeout: query`).

// name: paths_1
MATCH p = (a:Entity {id: $source})-[*1..1]-(b:Entity {id: $target})
WHERE all(r IN relationships(p) WHERE any(f IN coalesce(r.docs, []) WHERE NOT f IN $incomplete))
WITH p, reduce(key = '', x IN nodes(p) | key + x.id + '|') AS via,
     reduce(key = '', r IN relationships(p) | key + type(r) + '|') AS types
ORDER BY via, types
RETURN [x IN nodes(p) | x {.id, .label, .name}] AS nodes,
       [r IN relationships(p) | {type: type(r), source: startNode(r).id, target: endNode(r).id,
                                  evidence: r.evidence}] AS edges
LIMIT $limit

// name: paths_2
MATCH p = (a:Entity {id: $source})-[*2..2]-(b:Entity {id: $target})
WHERE all(r IN relationships(p) WHERE any(f IN coalesce(r.docs, []) WHERE NOT f IN $incomplete))
WITH p, reduce(key = '', x IN nodes(p) | key + x.id + '|') AS via,
     reduce(key = '', r IN relationships(p) | key + type(r) + '|') AS types
ORDER BY via, types
RETURN [x IN nodes(p) | x {.id, .label, .name}] AS nodes,
       [r IN relationships(p) | {type: type(r), source: startNode(r).id, target: endNode(r).id,
                                  evidence: r.evidence}] AS edges
LIMIT $limit

// name: paths_3
// timeout: query
MATCH p = (a:Entity {id: $source})-[*3..3]-(b:Entity {id: $target})
WHERE all(r IN relationships(p) WHERE any(f IN coalesce(r.docs, []) WHERE NOT f IN $incomplete))
WITH p, reduce(key = '', x IN nodes(p) | key + x.id + '|') AS via,
     reduce(key = '', r IN relationships(p) | key + type(r) + '|') AS types
ORDER BY via, types
RETURN [x IN nodes(p) | x {.id, .label, .name}] AS nodes,
       [r IN relationships(p) | {type: type(r), source: startNode(r).id, target: endNode(r).id,
                                  evidence: r.evidence}] AS edges
LIMIT $limit

// name: paths_4
// timeout: query
MATCH p = (a:Entity {id: $source})-[*4..4]-(b:Entity {id: $target})
WHERE all(r IN relationships(p) WHERE any(f IN coalesce(r.docs, []) WHERE NOT f IN $incomplete))
WITH p, reduce(key = '', x IN nodes(p) | key + x.id + '|') AS via,
     reduce(key = '', r IN relationships(p) | key + type(r) + '|') AS types
ORDER BY via, types
RETURN [x IN nodes(p) | x {.id, .label, .name}] AS nodes,
       [r IN relationships(p) | {type: type(r), source: startNode(r).id, target: endNode(r).id,
                                  evidence: r.evidence}] AS edges
LIMIT $limit

// name: paths_5
// timeout: query
MATCH p = (a:Entity {id: $source})-[*5..5]-(b:Entity {id: $target})
WHERE all(r IN relationships(p) WHERE any(f IN coalesce(r.docs, []) WHERE NOT f IN $incomplete))
WITH p, reduce(key = '', x IN nodes(p) | key + x.id + '|') AS via,
     reduce(key = '', r IN relationships(p) | key + type(r) + '|') AS types
ORDER BY via, types
RETURN [x IN nodes(p) | x {.id, .label, .name}] AS nodes,
       [r IN relationships(p) | {type: type(r), source: startNode(r).id, target: endNode(r).id,
                                  evidence: r.evidence}] AS edges
LIMIT $limit
