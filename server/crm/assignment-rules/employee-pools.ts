import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { escapeLike } from '../../common/like.js';
import { Employee } from '../employees/employee.entity.js';
import { Group } from '../employees/group.entity.js';
import { AssignmentRule } from './assignment-rule.entity.js';

/** A set of employees work is spread over: a group's members, or employees named by e-mail address or id. */
export type EmployeePool = { kind: 'group'; name: string } | { kind: 'employees'; emails: readonly string[] } | { kind: 'ids'; ids: readonly string[] };

/**
 * Spreading work evenly over the available employees of a pool: "distribute to owner" (persons'
 * our contact) and the automatic owner of a request (the request type's assignment rule).
 */
@Injectable()
export class EmployeePools {
  /** The id of the employee with this e-mail address (any case), undefined when there is none. */
  async idByEmail(em: EntityManager, email: string): Promise<string | undefined> {
    const employee = await em.findOne(Employee, { email: { $ilike: escapeLike(email) } });
    return employee ? String(employee.id) : undefined;
  }

  /** "Distribute to owner": the available employee of the pool with the fewest persons, else the fallback (by e-mail), else none. */
  async distributionOwner(em: EntityManager, pool: EmployeePool, fallback: string | undefined): Promise<string | undefined> {
    const ownerId = await this.leastLoaded(em, await this.available(em, pool), { table: 'person', column: 'our_contact_id' });
    if (ownerId || !fallback) return ownerId ?? undefined;
    return this.idByEmail(em, fallback);
  }

  /** The pool's available employees' ids; a group that no longer exists is an error. */
  async available(em: EntityManager, pool: EmployeePool): Promise<string[]> {
    if (pool.kind === 'group') {
      const group = await em.findOne(Group, { name: pool.name });
      if (!group) throw new Error(`group "${pool.name}" no longer exists`);
      return (await em.find(Employee, { group, available: true }, { fields: ['id'], orderBy: { id: 'asc' } })).map((e) => String(e.id));
    }
    if (pool.kind === 'ids') {
      if (pool.ids.length === 0) return [];
      return (await em.find(Employee, { id: { $in: [...pool.ids] }, available: true }, { fields: ['id'], orderBy: { id: 'asc' } })).map((e) => String(e.id));
    }
    const all = await em.find(Employee, { available: true }, { fields: ['id', 'email'], orderBy: { id: 'asc' } });
    const wanted = new Set(pool.emails.map((e) => e.toLowerCase()));
    return all.filter((e) => wanted.has(e.email.toLowerCase())).map((e) => String(e.id));
  }

  /**
   * The employee of `ids` who holds the fewest of the rows `count` names (ties: the lowest id).
   * Flushes first, so that earlier assignments of the same transaction count.
   */
  async leastLoaded(em: EntityManager, ids: readonly string[], count: { table: string; column: string; where?: { column: string; value: string } }): Promise<string | undefined> {
    if (ids.length === 0) return undefined;
    await em.flush();
    const filter = count.where ? ` and w."${count.where.column}" = ?` : '';
    const rows = await em.getConnection().execute<{ id: string }[]>(
      `select e."id" from "employee" e left join "${count.table}" w on w."${count.column}" = e."id"${filter}
        where e."id" in (${ids.map(() => '?').join(', ')}) group by e."id" order by count(w."${count.column}"), e."id" limit 1`,
      [...(count.where ? [count.where.value] : []), ...ids], 'all', em.getTransactionContext());
    return rows[0] ? String(rows[0].id) : undefined;
  }

  /**
   * The automatic owner of a new request of `type`: the least loaded available employee of its
   * assignment rule (counting requests of that type), or undefined when no rule applies or nobody is available.
   */
  async requestOwner(em: EntityManager, type: string | undefined): Promise<string | undefined> {
    if (!type) return undefined;
    const rule = await em.findOne(AssignmentRule, { requestType: type }, { populate: ['group'] });
    if (!rule) return undefined;
    const group = rule.group?.getEntity();
    const pool = await this.available(em, group ? { kind: 'group', name: group.name } : { kind: 'ids', ids: rule.employeeIds });
    return this.leastLoaded(em, pool, { table: 'service_request', column: 'owner_id', where: { column: 'type', value: type } });
  }
}
