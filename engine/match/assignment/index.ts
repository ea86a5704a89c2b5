export { solveAssignment } from './solveAssignment.ts';
export { greedyAssignment } from './greedyAssignment.ts';
export { assignmentDefaults } from './assignmentDefaults.ts';
export type { Assignment, AssignmentObjective, AssignmentOptions, AssignmentProblem, AssignmentResult, AssignmentSolver, SizeRows } from './types.ts';
