-- A failed or interrupted import resumes after its last committed batch; rows created since its
-- first start count as this import's own (duplicates within the file), also after a resume.
alter table import_job add column started_at timestamptz;
