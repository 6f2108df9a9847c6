// Per-document write lock for engines reached by URL (the embedded server uses lock files):
// a lease node claimed by a random token, free again when released or expired.

// name: claim_document_lock
// Returns the holder's token: ours when the lock was free, expired or already ours.
MERGE (l:IngestLock {file: $file})
ON CREATE SET l.token = $token, l.expires = $expires
WITH l, (l.token = $token OR l.expires < $now) AS mine
SET l.token = CASE WHEN mine THEN $token ELSE l.token END,
    l.expires = CASE WHEN mine THEN $expires ELSE l.expires END
RETURN l.token AS token

// name: release_document_lock
MATCH (l:IngestLock {file: $file, token: $token})
DELETE l
