/** Socket.io room names: the only place they are spelled. */
export const rooms = {
  session: (sessionId: string) => `session:${sessionId}`,
  user: (userId: string) => `user:${userId}`,
} as const;
