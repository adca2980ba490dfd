-- PacsNode index, schema version 7: the row a store-journal checkpoint writes. Under PowerLoss durability the index
-- writer commits with synchronous=NORMAL (the store journal, not the index, makes each acknowledged instance
-- durable); a checkpoint then commits this row with synchronous=FULL, whose WAL flush makes every earlier commit
-- durable before the journal moves past their records. flushed_at is UTC text 'yyyy-MM-ddTHH:mm:ss.ffffffZ'.
CREATE TABLE store_checkpoint (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    flushed_at  TEXT NOT NULL
);
