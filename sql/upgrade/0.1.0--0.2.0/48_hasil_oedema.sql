-- kkb.hasil_antropometri gains its last attribute, oedema (kkb.prevalensi needs it).
ALTER TYPE kkb.hasil_antropometri ADD ATTRIBUTE oedema boolean;
COMMENT ON COLUMN kkb.hasil_antropometri.oedema IS 'Bilateral pitting oedema as given (NULL given: false); the prevalence aggregates count it as z = -3.10 for the weight-based indicators';
