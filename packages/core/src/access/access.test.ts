import { describe, expect, it } from 'vitest';
import {
  CHAIN_PERMISSIONS,
  CHAIN_ROLES,
  ROLE_PERMISSIONS,
  computeChainPermissions,
  computeSuppressedCount,
  computeVisibleTrajectoryStats,
  isChainRole,
  isSmallCell,
  rolesAllow,
  suppressSmallCells,
} from './index.ts';

describe('role permissions', () => {
  it('gives the director every permission and keeps case-level data from partners and viewers', () => {
    expect(ROLE_PERMISSIONS.director).toEqual(CHAIN_PERMISSIONS);
    for (const role of ['partner', 'viewer'] as const) {
      expect(ROLE_PERMISSIONS[role]).not.toContain('flow.cases');
      expect(ROLE_PERMISSIONS[role]).not.toContain('chain.manage');
      expect(ROLE_PERMISSIONS[role]).not.toContain('audit.read');
    }
    expect(ROLE_PERMISSIONS.analyst).toContain('flow.cases');
    expect(ROLE_PERMISSIONS.viewer.every((p) => p.endsWith('.read'))).toBe(true);
  });

  it('lets every role read the chain', () => {
    for (const role of CHAIN_ROLES) {
      expect(rolesAllow([role], 'chain.read')).toBe(true);
    }
  });

  it('unions the permissions of several roles in the canonical order', () => {
    expect(computeChainPermissions(['viewer', 'analyst'])).toEqual([
      'chain.read',
      'flow.read',
      'flow.cases',
      'flow.import',
      'governance.read',
    ]);
    expect(computeChainPermissions([])).toEqual([]);
  });

  it('recognises role names', () => {
    expect(isChainRole('analyst')).toBe(true);
    expect(isChainRole('admin')).toBe(false);
    expect(isChainRole(3)).toBe(false);
  });
});

describe('small-cell suppression', () => {
  it('withholds 1 to threshold-1 cases and shows 0 and the threshold itself', () => {
    expect([0, 1, 4, 5, 6].map((n) => computeSuppressedCount(n))).toEqual([0, null, null, 5, 6]);
    expect(computeSuppressedCount(9, 10)).toBeNull();
    expect(computeSuppressedCount(2, 1)).toBe(2);
    expect(isSmallCell(3, 3)).toBe(false);
  });

  it('suppresses a derived value by the number of cases it covers', () => {
    expect(suppressSmallCells(42.5, 3)).toBeNull();
    expect(suppressSmallCells('median 4h', 7)).toBe('median 4h');
  });

  it('withholds the trajectory totals and dates of a small chain unless the caller sees cases', () => {
    const stats = { imports: 1, cases: 3, events: 12, firstEventAt: '2026-01-01T00:00:00.000Z', lastEventAt: null };
    expect(computeVisibleTrajectoryStats(stats, 5, false)).toEqual({
      imports: 1,
      cases: null,
      events: null,
      firstEventAt: null,
      lastEventAt: null,
      suppressed: true,
    });
    expect(computeVisibleTrajectoryStats(stats, 5, true)).toEqual({ ...stats, suppressed: false });
    expect(computeVisibleTrajectoryStats({ ...stats, cases: 5 }, 5, false).suppressed).toBe(false);
  });
});
