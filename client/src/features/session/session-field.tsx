/** A labelled text or password input of the sign-in and change-password forms. */
export function SessionField({
  label,
  value,
  onChange,
  testId,
  type = 'password',
  autoComplete,
  autoFocus,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  type?: 'text' | 'password';
  autoComplete: string;
  autoFocus?: boolean;
}) {
  return (
    <label className="session-field">
      <span>{label}</span>
      <input
        type={type}
        autoComplete={autoComplete}
        autoFocus={autoFocus}
        required
        value={value}
        onChange={(event) => onChange(event.target.value)}
        data-testid={testId}
      />
    </label>
  );
}
