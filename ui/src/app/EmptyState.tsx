// What an empty view says and offers: a heading, one sentence on what to do, and a button that does the first step.
// Shared by the views (org chart, team map, ownership); it sits over the view's canvas, which stays usable.
import "./emptyState.css";

export interface EmptyStateProps {
  title: string;
  body: string;
  /** The button's text ("Add the first person"). */
  action: string;
  onAction: () => void;
}

export function EmptyState({ title, body, action, onAction }: EmptyStateProps) {
  return (
    <div className="empty-state" role="region" aria-label={title}>
      <h2>{title}</h2>
      <p className="muted">{body}</p>
      <button type="button" className="primary" onClick={onAction}>{action}</button>
    </div>
  );
}
