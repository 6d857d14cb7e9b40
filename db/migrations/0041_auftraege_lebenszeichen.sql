-- Every job runner instance keeps a heartbeat per graphile-worker worker id (packages/auftraege): a job
-- locked by a worker without a fresh heartbeat belongs to a dead instance (SIGKILL, OOM, node failure) and is
-- unlocked by a surviving or restarted one (`force_unlock_workers`) instead of after graphile-worker's 4 hours.
-- No tenant data: no row-level security; each service's role may use its own queue's table only.
CREATE TABLE "auftraege_akten"."lebenszeichen" (worker_id text PRIMARY KEY, instanz text NOT NULL, zuletzt timestamptz NOT NULL DEFAULT now());
--> statement-breakpoint
CREATE INDEX ON "auftraege_akten"."lebenszeichen" (instanz);
--> statement-breakpoint
CREATE TABLE "auftraege_dokumente"."lebenszeichen" (worker_id text PRIMARY KEY, instanz text NOT NULL, zuletzt timestamptz NOT NULL DEFAULT now());
--> statement-breakpoint
CREATE INDEX ON "auftraege_dokumente"."lebenszeichen" (instanz);
--> statement-breakpoint
CREATE TABLE "auftraege_aussonderung"."lebenszeichen" (worker_id text PRIMARY KEY, instanz text NOT NULL, zuletzt timestamptz NOT NULL DEFAULT now());
--> statement-breakpoint
CREATE INDEX ON "auftraege_aussonderung"."lebenszeichen" (instanz);
--> statement-breakpoint
CREATE TABLE "auftraege_protokoll"."lebenszeichen" (worker_id text PRIMARY KEY, instanz text NOT NULL, zuletzt timestamptz NOT NULL DEFAULT now());
--> statement-breakpoint
CREATE INDEX ON "auftraege_protokoll"."lebenszeichen" (instanz);
--> statement-breakpoint
DO $$
DECLARE d text;
BEGIN
  FOREACH d IN ARRAY ARRAY['akten', 'dokumente', 'aussonderung', 'protokoll'] LOOP
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'eakte_' || d) THEN
      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I.lebenszeichen TO %I', 'auftraege_' || d, 'eakte_' || d);
    END IF;
  END LOOP;
END $$;
--> statement-breakpoint
-- the sweep looks at locked jobs only: a partial index keeps it off a backlog of waiting ones
CREATE INDEX "jobs_gesperrt_von" ON "auftraege_akten"."_private_jobs" (locked_by) WHERE locked_by IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "jobs_gesperrt_von" ON "auftraege_dokumente"."_private_jobs" (locked_by) WHERE locked_by IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "jobs_gesperrt_von" ON "auftraege_aussonderung"."_private_jobs" (locked_by) WHERE locked_by IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "jobs_gesperrt_von" ON "auftraege_protokoll"."_private_jobs" (locked_by) WHERE locked_by IS NOT NULL;
