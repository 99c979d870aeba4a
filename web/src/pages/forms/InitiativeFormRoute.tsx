import { ReactNode } from 'react';
import { InitiativeAction } from '../../actions';
import { InitiativeFormContext, InitiativeFormPage } from './FormPage';
import {
  CompleteIterationForm,
  DefineMetricForm,
  GiveFeedbackForm,
  LaunchPilotForm,
  StartIterationForm,
  StateHypothesisForm,
} from './InitiativeForms';
import { RecordDecisionForm } from './RecordDecisionForm';
import { ReadingsForm } from './RecordReadingsForm';

/** Each action's form on an initiative, and what the page says it is for. */
const FORMS: Record<InitiativeAction, { Form: (context: InitiativeFormContext) => ReactNode; intro: string }> = {
  'state-hypothesis': {
    Form: StateHypothesisForm,
    intro:
      'What you expect to happen, and to whom, in a way a measurement can prove wrong. After launch it changes only through a pivot.',
  },
  'define-success-metric': {
    Form: DefineMetricForm,
    intro:
      'What good looks like, fixed before the first step: a primary metric to judge by, or a guardrail that must not get worse.',
  },
  'launch-pilot': {
    Form: LaunchPilotForm,
    intro:
      'A line manager owns the pilot; some ICs try the change, and others, in a control group, keep working as before for comparison.',
  },
  'start-iteration': {
    Form: StartIterationForm,
    intro: 'One build-measure-learn loop: what changes now, and when you plan to look at the results.',
  },
  'record-readings': {
    Form: ReadingsForm,
    intro:
      'One reading per person and period, for the pilot and the control group. Type, paste a block from a spreadsheet, or import a CSV file; check what will be sent, then record it all at once.',
  },
  'complete-iteration': {
    Form: CompleteIterationForm,
    intro: 'Close the open iteration with what it showed; a decision on the pilot follows.',
  },
  'record-decision': {
    Form: RecordDecisionForm,
    intro:
      'Decide after the iteration, on its evidence: the figures below are frozen into the decision as they stand when you record it.',
  },
  'give-feedback': {
    Form: GiveFeedbackForm,
    intro: 'A suggestion, a concern or praise, in your own name.',
  },
};

/** The page of one action on an initiative: `#/initiatives/<id>/<action>`. */
export function InitiativeFormRoute({ initiativeId, action }: { initiativeId: string; action: InitiativeAction }) {
  const { Form, intro } = FORMS[action];
  return (
    <InitiativeFormPage initiativeId={initiativeId} action={action} intro={intro}>
      {(context) => <Form {...context} />}
    </InitiativeFormPage>
  );
}
