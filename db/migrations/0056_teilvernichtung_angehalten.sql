-- The destruction of the V-Vorgänge of an A-Akte, refused by a Löschsperre when its job ran, keeps
-- why it waits apart from the A-part's own state, so the hold's release resumes it (as it resumes a
-- whole V-Akte). Nullable without a default: expands the table while the previous release runs.
ALTER TABLE "aussonderung"."aussonderung_objekt" ADD COLUMN "teil_loesch_fehler" text;
