// FalkorDB dialect: `by` resolved by three indexed lookups (`CALL {}`, see entities.cypher here).

// name: entities_named
// Every entity whose id, name or an alias is $ref (commitments' `by`): three indexed lookups.
CALL {
  MATCH (n:Entity {id: $ref})
  RETURN n
  UNION
  MATCH (n:Entity {name: $ref})
  RETURN n
  UNION
  MATCH (n:Entity)
  WHERE $ref IN n.aliases
  RETURN n
}
RETURN collect(n.id) AS ids
