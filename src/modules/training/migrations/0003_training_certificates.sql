-- A completed participant's certificate carries a verification address (/training/certificates/{token});
-- the token is made the first time the certificate is shown.
ALTER TABLE training_enrolments ADD COLUMN certificate_token TEXT;
CREATE UNIQUE INDEX training_enrolments_certificate ON training_enrolments (certificate_token);
