// Property tests run with one seed per run, printed by fast-check in every failure ("seed: …, path: …").
// Set FC_SEED to replay a failure: FC_SEED=123 npm run test:unit.
import fc from 'fast-check'

const given = process.env.FC_SEED
if (given !== undefined && given !== '') {
  const seed = Number(given)
  if (!Number.isSafeInteger(seed)) throw new TypeError(`FC_SEED expected an integer, got ${given}`)
  fc.configureGlobal({ seed })
}
