import { randomBytes, randomUUID } from 'node:crypto';
import type { User } from '../../../protocol/users.js';
import type { Actor } from '../core/actor.js';
import { fail } from '../core/errors.js';
import type { Clock } from '../core/ports.js';
import { DuplicateKeyError, type UserRecord, type UserRepo } from '../storage/types.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { isCommonPassword } from './common-passwords.js';
import { COMMON_PASSWORD } from '../../../protocol/users.js';
import { MemoryRevocations, type RevocationStore } from './revocation.js';
import { TokenBuckets } from './token-bucket.js';
import { TokenSigner, type TokenClaims } from './tokens.js';
import { toUserView } from './user-view.js';

export interface SignedIn {
  user: User;
  token: string;
}

export interface Authenticated {
  actor: Actor;
  claims: TokenClaims;
}

/** Failed login attempts per username and address: 10 at once, then one every 6 s. */
const LOGIN_BURST = 10;
const LOGIN_REFILL_PER_SECOND = 1 / 6;
/** Most accounts one search returns: enough to pick a guest, too few to enumerate users. */
const SEARCH_LIMIT = 10;

const actorOf = (user: UserRecord): Actor => ({ userId: user.id, kind: user.kind, displayName: user.displayName });

/** Accounts, guests and tokens. Plain TypeScript: the HTTP and socket adapters call it. */
export class AuthService {
  private readonly signer: TokenSigner;
  private readonly loginBuckets: TokenBuckets;

  constructor(
    private readonly users: UserRepo,
    secret: string,
    private readonly clock: Clock,
    /** The database for one node (DatabaseRevocations); RedisRevocations when several nodes share REDIS_URL. */
    private readonly revocations: RevocationStore = new MemoryRevocations(clock),
  ) {
    this.signer = new TokenSigner(secret, clock);
    this.loginBuckets = new TokenBuckets(LOGIN_BURST, LOGIN_REFILL_PER_SECOND, clock);
  }

  async register(input: { username: string; password: string; displayName?: string | undefined }): Promise<SignedIn> {
    // Long enough is not enough: the first guesses of any password-spraying script are these.
    if (isCommonPassword(input.password)) {
      const message = 'This password is one of the most common ones: choose another';
      throw fail.invalidInput(message, [{ path: 'password', code: COMMON_PASSWORD, message }]);
    }
    const record: UserRecord = {
      id: randomUUID(),
      username: input.username,
      displayName: input.displayName ?? input.username,
      kind: 'account',
      passwordHash: await hashPassword(input.password),
      createdAt: this.clock(),
      tokenGeneration: 0,
    };
    try {
      return await this.signIn(await this.users.create(record));
    } catch (err) {
      if (err instanceof DuplicateKeyError) throw fail.duplicate('This username is taken');
      throw err;
    }
  }

  /** `clientKey` identifies the caller (its address) for the guessing limit. */
  async login(input: { username: string; password: string }, clientKey: string): Promise<SignedIn> {
    const username = input.username.toLowerCase();
    const bucketKey = `${username}\u0000${clientKey}`;
    // Every attempt takes a token up front (so parallel guesses cannot slip through together);
    // a success gives it back: signing in often is fine, guessing is not.
    const waitSeconds = this.loginBuckets.take(bucketKey);
    if (waitSeconds > 0) throw fail.rateLimited(waitSeconds, 'Too many sign-in attempts, try again later');
    const user = await this.users.findByUsername(username);
    const ok = await verifyPassword(user?.kind === 'account' ? user.passwordHash : null, input.password);
    if (!user || !ok) throw fail.unauthorized('Wrong username or password');
    this.loginBuckets.refund(bucketKey);
    return this.signIn(user);
  }

  async guest(displayName: string): Promise<SignedIn> {
    for (let attempt = 0; ; attempt++) {
      const record: UserRecord = {
        id: randomUUID(),
        username: `guest_${randomBytes(6).toString('hex')}`,
        displayName,
        kind: 'guest',
        passwordHash: null,
        createdAt: this.clock(),
        tokenGeneration: 0,
      };
      try {
        return await this.signIn(await this.users.create(record));
      } catch (err) {
        // 48 random bits make a clash unlikely; retry a few times rather than fail the caller.
        if (!(err instanceof DuplicateKeyError) || attempt >= 3) throw err;
      }
    }
  }

  /** Ends the sign-in of `token`; a no-op for an invalid one. Returns who it belonged to. */
  async logout(token: string): Promise<string | null> {
    const claims = await this.signer.verify(token);
    if (!claims) return null;
    await this.revocations.revoke(claims.jti, claims.exp);
    return claims.userId;
  }

  /**
   * Ends every sign-in of the user, on every device: tokens signed before now carry a lower
   * generation than the user's and are refused from here on (a database mark, so a restart keeps it).
   */
  async signOutEverywhere(actor: Actor): Promise<void> {
    if ((await this.users.raiseTokenGeneration(actor.userId)) === null) throw fail.unauthorized();
  }

  /** Resolves a token to its actor; null when invalid, revoked, signed out everywhere, or its user no longer exists. */
  async authenticate(token: string): Promise<Authenticated | null> {
    const claims = await this.verifyToken(token);
    if (!claims) return null;
    const user = await this.users.findById(claims.userId);
    if (!user || claims.generation < (user.tokenGeneration)) return null;
    return { actor: actorOf(user), claims };
  }

  /** Signature, expiry and revocation only (no database): for re-checking a socket on each event. */
  async verifyToken(token: string): Promise<TokenClaims | null> {
    const claims = await this.signer.verify(token);
    return claims && !(await this.revocations.isRevoked(claims.jti)) ? claims : null;
  }

  /** For claims verified earlier (a socket's handshake): not expired since, and not revoked. */
  async stillValid(claims: TokenClaims): Promise<boolean> {
    if (claims.exp * 1000 <= this.clock().getTime()) return false;
    return !(await this.revocations.isRevoked(claims.jti, true));
  }

  async me(actor: Actor): Promise<User> {
    const user = await this.users.findById(actor.userId);
    if (!user) throw fail.unauthorized();
    return toUserView(user);
  }

  async searchAccounts(prefix: string): Promise<User[]> {
    const found = await this.users.searchAccounts(prefix.toLowerCase(), SEARCH_LIMIT);
    return found.slice(0, SEARCH_LIMIT).map(toUserView);
  }

  private async signIn(user: UserRecord): Promise<SignedIn> {
    const { token } = await this.signer.sign(user.id, user.tokenGeneration);
    return { user: toUserView(user), token };
  }
}
