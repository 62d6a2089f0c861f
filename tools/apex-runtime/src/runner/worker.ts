/** Worker process entry: receives a SessionRequest over IPC, runs it, sends the SessionResult back. */
import { runSession, type SessionRequest } from "./session";

process.once("message", (req) => {
  const result = runSession(req as SessionRequest);
  process.send?.(result, () => process.exit(0));
});
