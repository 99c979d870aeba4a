/**
 * Where the launch and decision forms show aids to the decision: the check of a pilot's design
 * (are the pilot and control groups big enough to show an effect?) and the recommendation drawn from
 * an iteration's evidence. Each form renders its place with the figures it already has; the aids
 * fill them in, and until then nothing is shown.
 */

/** Beside the cohorts being chosen in the launch form. */
export function PilotDesignCheck(_props: { initiativeId: string; pilotSize: number; controlSize: number }) {
  return null;
}

/** Beside the evidence about to be frozen in the decision form. */
export function DecisionRecommendation(_props: { initiativeId: string; iteration: number }) {
  return null;
}
