/**
 * The administrator's page: the users (add one, change a role or name, reset a password, disable)
 * and the audit log (who changed what, when, from which version to which), with its CSV download.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ROLES, type Role } from '../../../../contract/access';
import { MIN_PASSWORD_LENGTH } from '../../../../contract/accounts';
import { API } from '../../../../contract/index';
import type { OperationAnswer } from '../../../../contract/operation';
import { callOperation, type ApiError } from '../../lib/api';
import { errorText } from '../../lib/error-text';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { Button } from '../../ui/button';
import { DataTable } from '../../ui/data-table';
import { IssuingUnitSetting } from './issuing-unit-setting';
import { useSession } from './use-session';

type User = OperationAnswer<typeof API.accounts.listUsers>[number];
type AuditEntry = OperationAnswer<typeof API.accounts.audit>[number];

const AUDIT_ROWS_SHOWN = 200;

export function AdministrationView({ onClose }: { onClose: () => void }) {
  const { t, language } = useI18n();
  const { session, can } = useSession();
  const [users, setUsers] = useState<User[] | null>(null);
  const [audit, setAudit] = useState<AuditEntry[] | null>(null);
  const [auditUser, setAuditUser] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const report = useCallback(
    (error: ApiError) => setRefusal(errorText(error, language, (key) => t(key))),
    [language, t],
  );

  const loadUsers = useCallback(async () => {
    const answer = await callOperation(API.accounts.listUsers);
    if (answer.ok) setUsers(answer.data);
    else report(answer.error);
  }, [report]);

  const loadAudit = useCallback(async () => {
    const query = { limit: String(AUDIT_ROWS_SHOWN), ...(auditUser ? { user: auditUser } : {}) };
    const answer = await callOperation(API.accounts.audit, { query });
    if (answer.ok) setAudit(answer.data as AuditEntry[]);
    else report(answer.error);
  }, [auditUser, report]);

  useEffect(() => {
    if (!can('manage-users')) return;
    void loadUsers();
    void loadAudit();
  }, [can, loadUsers, loadAudit]);

  const change = async (username: string, body: UserChanges) => {
    setRefusal(null);
    setDone(null);
    const answer = await callOperation(API.accounts.updateUser, {
      params: { username },
      body,
    });
    if (!answer.ok) return report(answer.error);
    setDone(t('admin.saved', { username }));
    await loadUsers();
    await loadAudit();
  };

  if (!can('manage-users')) {
    return (
      <section className="administration">
        <p>{t('admin.notAllowed')}</p>
      </section>
    );
  }

  const csvQuery = new URLSearchParams({
    format: 'csv',
    limit: '10000',
    ...(auditUser ? { user: auditUser } : {}),
  });
  return (
    <section className="administration" data-testid="administration">
      <header className="administration-head">
        <h1>{t('admin.title')}</h1>
        <Button variant="quiet" onClick={onClose}>
          {t('admin.back')}
        </Button>
      </header>
      {refusal && (
        <p className="session-refusal" role="alert" data-testid="admin-refusal">
          {refusal}
        </p>
      )}
      {done && (
        <p className="account-changed" data-testid="admin-done">
          {done}
        </p>
      )}
      <div className="administration-columns">
        <section className="administration-card">
          <h2>{t('session.users')}</h2>
          <DataTable testId="users-table">
            <thead>
              <tr>
                <th>{t('session.username')}</th>
                <th>{t('admin.displayName')}</th>
                <th>{t('admin.role')}</th>
                <th>{t('admin.state')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {(users ?? []).map((user) => (
                <tr key={user.username} data-username={user.username}>
                  <td>
                    <strong>{user.username}</strong>
                    {user.username === session.user && <span className="admin-you"> ({t('admin.you')})</span>}
                  </td>
                  <td>{user.displayName || '—'}</td>
                  <td>
                    <select
                      value={user.role}
                      aria-label={t('admin.role')}
                      data-testid="user-role"
                      onChange={(event) => void change(user.username, { role: event.target.value as Role })}
                    >
                      {ROLES.map((role) => (
                        <option key={role} value={role}>
                          {t(`session.role.${role}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    {user.disabled
                      ? t('admin.disabled')
                      : user.mustChangePassword
                        ? t('admin.mustChange')
                        : t('admin.active')}
                  </td>
                  <td className="admin-actions">
                    <ResetPassword onReset={(password) => change(user.username, { password })} />
                    {user.username !== session.user && (
                      <Button
                        variant="link"
                        onClick={() => void change(user.username, { disabled: !user.disabled })}
                        testId="user-disable"
                      >
                        {user.disabled ? t('admin.enable') : t('admin.disable')}
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          <AddUser
            onAdded={async (username) => {
              setDone(t('admin.added', { username }));
              await loadUsers();
              await loadAudit();
            }}
            onRefused={report}
          />
          <IssuingUnitSetting
            onSaved={async (unit) => {
              setDone(t('admin.issuingUnitSaved', { unit }));
              await loadAudit();
            }}
            onRefused={report}
          />
        </section>
        <section className="administration-card">
          <div className="administration-card-head">
            <h2>{t('session.audit')}</h2>
            <label className="admin-filter">
              {t('admin.filterUser')}
              <select
                value={auditUser}
                onChange={(event) => setAuditUser(event.target.value)}
                data-testid="audit-user"
              >
                <option value="">{t('admin.everyone')}</option>
                {(users ?? []).map((user) => (
                  <option key={user.username} value={user.username}>
                    {user.username}
                  </option>
                ))}
              </select>
            </label>
            <a className="admin-download" href={`/api/audit?${csvQuery}`} download data-testid="audit-csv">
              {t('admin.downloadCsv')}
            </a>
          </div>
          <DataTable testId="audit-table">
            <thead>
              <tr>
                <th>{t('admin.when')}</th>
                <th>{t('admin.who')}</th>
                <th>{t('admin.what')}</th>
                <th>{t('admin.object')}</th>
                <th className="num">{t('admin.versions')}</th>
              </tr>
            </thead>
            <tbody>
              {(audit ?? []).map((entry) => (
                <tr key={entry.id} className={entry.status >= 400 ? 'audit-refused' : undefined}>
                  <td className="num">{formatDateTime(entry.at)}</td>
                  <td>{entry.username ?? '—'}</td>
                  <td title={entry.detail ?? undefined}>
                    {entry.operation}
                    {entry.status >= 400 && <span className="audit-status"> · {entry.status}</span>}
                    {entry.detail && <div className="audit-detail">{entry.detail}</div>}
                  </td>
                  <td>{entry.objectType ? `${entry.objectType} ${entry.objectId ?? ''}` : '—'}</td>
                  <td className="num">
                    {entry.toVersion === null ? '' : `${entry.fromVersion ?? '—'} → ${entry.toVersion}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </section>
      </div>
    </section>
  );
}

/** What the page changes of a user (the update operation takes any of these). */
interface UserChanges {
  role?: Role;
  password?: string;
  disabled?: boolean;
}

function ResetPassword({ onReset }: { onReset: (password: string) => Promise<void> }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  if (!open) {
    return (
      <Button variant="link" onClick={() => setOpen(true)} testId="user-reset-password">
        {t('admin.resetPassword')}
      </Button>
    );
  }
  return (
    <form
      className="admin-inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        void onReset(password).then(() => {
          setOpen(false);
          setPassword('');
        });
      }}
    >
      <input
        type="text"
        minLength={MIN_PASSWORD_LENGTH}
        required
        placeholder={t('session.newPassword', { min: MIN_PASSWORD_LENGTH })}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <Button type="submit" variant="primary">
        {t('session.save')}
      </Button>
    </form>
  );
}

function AddUser({
  onAdded,
  onRefused,
}: {
  onAdded: (username: string) => Promise<void>;
  onRefused: (error: ApiError) => void;
}) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('planner');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await callOperation(API.accounts.createUser, {
      body: { username, password, role, ...(displayName ? { displayName } : {}) },
    });
    if (!answer.ok) return onRefused(answer.error);
    setUsername('');
    setDisplayName('');
    setPassword('');
    await onAdded(answer.data.username);
  };
  return (
    <form className="admin-add-user" onSubmit={submit} data-testid="add-user-form">
      <h3>{t('admin.addUser')}</h3>
      <input
        required
        placeholder={t('session.username')}
        value={username}
        onChange={(event) => setUsername(event.target.value)}
        data-testid="add-user-username"
      />
      <input
        placeholder={t('admin.displayName')}
        value={displayName}
        onChange={(event) => setDisplayName(event.target.value)}
      />
      <input
        required
        minLength={MIN_PASSWORD_LENGTH}
        placeholder={t('admin.initialPassword', { min: MIN_PASSWORD_LENGTH })}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        data-testid="add-user-password"
      />
      <select
        value={role}
        onChange={(event) => setRole(event.target.value as Role)}
        data-testid="add-user-role"
      >
        {ROLES.map((option) => (
          <option key={option} value={option}>
            {t(`session.role.${option}`)}
          </option>
        ))}
      </select>
      <Button type="submit" variant="primary" testId="add-user-submit">
        {t('admin.add')}
      </Button>
    </form>
  );
}
