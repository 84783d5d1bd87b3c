ALTER TABLE "problems" ADD COLUMN "time_calibration" JSONB;
