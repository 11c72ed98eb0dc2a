import { COMPANIES, ASSOCIATIONS, PROGRAMME } from '../../infra/local/demo-data.js';

/** The seeded demo users the tests act as. */
export const users = {
  fredrikstad: 'user-3107',
  sarpsborg: 'user-3105',
  halden: 'user-3101',
  /** Flåklypa Parkering (demo), based in Sarpsborg. */
  sarpsborgCompany: `user-${COMPANIES[0]!.id}`,
  otherCompany: `user-${COMPANIES[1]!.id}`,
  association: `user-${ASSOCIATIONS[0]!.id}`,
  programme: `user-${PROGRAMME.id}`,
};

export const companies = { sarpsborg: COMPANIES[0]!, other: COMPANIES[1]! };
