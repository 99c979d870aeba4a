import { Projection } from '../../shared/projections/projection';
import { FeedbackKind, FeedbackSubmitted } from '../domain/initiative.events';

export interface FeedbackView {
  id: string;
  initiativeId: string;
  authorId: string;
  kind: FeedbackKind;
  text: string;
  submittedAt: string;
}

/** Feedback per initiative, in the order it was submitted. */
export const feedbackProjection: Projection<readonly FeedbackView[]> = {
  name: 'feedback',
  keysOf: (event) =>
    event.type === 'FeedbackSubmitted' ? [(event.data as FeedbackSubmitted['data']).initiativeId] : [],
  evolve(list = [], recorded) {
    const { feedbackId, initiativeId, authorId, kind, text, submittedAt } = recorded.data as FeedbackSubmitted['data'];
    return [...list, { id: feedbackId, initiativeId, authorId, kind, text, submittedAt }];
  },
};
