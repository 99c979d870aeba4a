import { defineProjection } from '../../shared/projections/projection';
import { FeedbackKind, FeedbackSubmitted } from '../domain/initiative.events';

export interface FeedbackView {
  id: string;
  initiativeId: string;
  authorId: string;
  recordedBy: string;
  kind: FeedbackKind;
  text: string;
  submittedAt: string;
}

/** Feedback per initiative, in the order it was submitted. */
export const feedbackProjection = defineProjection<FeedbackSubmitted, readonly FeedbackView[]>({
  name: 'feedback',
  events: ['FeedbackSubmitted'],
  keyOf: ({ data }) => data.initiativeId,
  evolve(list = [], { data }) {
    const { feedbackId, initiativeId, authorId, recordedBy, kind, text, submittedAt } = data;
    return [...list, { id: feedbackId, initiativeId, authorId, recordedBy, kind, text, submittedAt }];
  },
});
