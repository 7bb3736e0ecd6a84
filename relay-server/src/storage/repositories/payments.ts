import { eq } from 'drizzle-orm';
import type { PaymentRepo } from '../types.js';
import type { Dialect } from '../dialect.js';
import { uniqueAs } from '../shared/errors.js';
import { paymentFromRow, paymentToRow } from '../shared/rows.js';

export function paymentsRepo(d: Dialect): PaymentRepo {
  const { db } = d;
  const { payments } = d.t;
  return {
    async record(payment) {
      await uniqueAs('payment', () => db.insert(payments).values(paymentToRow(payment)));
    },
    async find(id) {
      const [row] = await db.select().from(payments).where(eq(payments.id, id));
      return row ? paymentFromRow(row) : null;
    },
  };
}
