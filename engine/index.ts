// The engine's public surface. api/, scripts/ and seed/ import from here; internals stay behind it.
export * from './core/errors.ts';
export { Graph } from './graph/graph.ts';
export { DataVersionWatch } from './graph/dataVersion.ts';
export { dataVersionCheck } from './config/dataVersion.ts';
export { createDriver, remoteTargetFromEnv, type GraphTarget } from './graph/connection.ts';
export { ensureSchema, describeSchema, fullTextIndexName } from './graph/schema.ts';
export { graphCounts, neo4jVersion, deleteAllData, type GraphCounts } from './graph/stats.ts';
export { loadGraph, lastRunStatus, type LoadOptions, type LoadReport } from './load/loadGraph.ts';
export type { GraphBatch, NodeRows, RelationshipRows } from './load/graphBatch.ts';
export { healthReport, type HealthReport } from './health.ts';
export { ChainMatchEngine } from './chainMatchEngine.ts';
export type { GapReport } from './chain/gapReport.ts';
export * from './contracts/chains.ts';
export * from './contracts/partners.ts';
export type { PartnerResult, PartnerCandidate } from './match/partners/rankPartners.ts';
export type { Explanation, GraphPath, SignalScore } from './match/explanation.ts';
export { tableToCsv, partnerTable, type Table } from './export/tables.ts';
export { tableToXlsx, headerRowOf } from './export/workbook.ts';
export { partnerExport } from './export/partnerExport.ts';
export { KnowledgeEngine } from './knowledgeEngine.ts';
export * from './contracts/knowledge.ts';
export * from './contracts/attachments.ts';
export { ReviewQueue, type ReviewPage } from './classify/reviewQueue.ts';
export type { QueuedFirm, ReviewOutcome, ReviewStatus } from './classify/reviewStore.ts';
export { reviewSuggestions, reviewBounds, type ReviewEntry, type ReviewSuggestion } from './classify/reviewEntry.ts';
export { ResourcesEngine } from './resourcesEngine.ts';
export * from './contracts/resources.ts';
export * from './contracts/matches.ts';
export type { ResourceAssignment, AssignedPair, UnassignedDemand } from './match/resources/assignResources.ts';
export type { UnmetDemand } from './match/resources/diagnoseUnmet.ts';
export type { DemandMatches, OfferMatches, RankedOffer, RankedDemand } from './match/resources/rankResources.ts';
export { hardConstraints, type HardConstraint } from './match/resources/hardConstraints.ts';
export type { EventPlan, EventMeeting } from './match/event/planEvent.ts';
export type { PairingFit, ScoredPair, EventEnterprise, EventUnit } from './match/event/pairingFit.ts';
export type { MatchRecord, MatchHistoryEntry } from './tracking/matchStore.ts';
export type { KindAcceptance, SignalAcceptance } from './tracking/acceptanceStats.ts';
export { declinedPairs, withoutDeclined, pairKey } from './tracking/declinedPairs.ts';
export { matchTransitions } from './tracking/lifecycle.ts';
export { cursorSchema, encodeCursor, decodeCursor } from './search/cursor.ts';
export { importFile, importLimits, tableSpecs, type ImportOptions, type ImportReport } from './import/importFile.ts';
export { importEntities, importJobStates, importJobPhases, type ImportEntity } from './contracts/imports.ts';
export type { ImportFormat } from './import/readTable.ts';
export { ImportQueue, type Admission, type RunImport } from './import/jobs/importQueue.ts';
export { ImportJobRecords, type ImportJobRecord } from './import/jobs/importJobRecords.ts';
export type { ImportJob, ImportJobInput, JobViewer } from './import/jobs/importJob.ts';
export { importJobLimits } from './config/importJobs.ts';
export { problemLimits } from './config/limits.ts';
export type { Attachment, ImportPhase, ImportProgress } from './import/tableSpec.ts';
export type { Column } from './import/columns.ts';
export { chainReport, chainMapTable, gapTable, candidatesTable, stageLabels, gapClassLabels, actionLabels, gapReasonLabels } from './export/chainReport.ts';
export { districtOverview, type DistrictOverview, type OverviewRow } from './overview/districtOverview.ts';
export { districtOverviewResponse } from './contracts/responses/overview.ts';
export { recordChainHealth, startHealthRecorder } from './history/index.ts';

// For the project's own tools — seed generation, the CLI, benchmarks, drills and evaluations — which reach the
// engine only through this file (a lint rule keeps that), so that what they lean on is visible here.
export { nodeLabels, relationshipTypes, relationshipSpecs, type NodeLabel, type RelationshipType } from './model/graphModel.ts';
export { countElements, type RelationshipRow } from './load/graphBatch.ts';
export { defaultBatchSize, defaultConcurrency } from './load/loadGraph.ts';
export { validateBatch } from './load/validateBatch.ts';
export { chainTemplateSchema, type ChainTemplate, type SegmentTemplate } from './model/chainTemplate.ts';
export { addChainTemplate } from './model/chainTemplateRows.ts';
export { enterpriseTagSchema, enterpriseSizeSchema, sourceSchema, type EnterpriseSize, type EnterpriseTag } from './model/enterprise.ts';
export { topicId } from './model/topic.ts';
export { usccAlphabet, usccCheckCharacter, isValidUscc } from './model/uscc.ts';
export { researchUnitColumns } from './import/entities/researchUnits.ts';
export { partnerDefaults } from './config/scoring.ts';
export { findCandidates, type CandidateQuery } from './match/partners/candidates.ts';
export { targetSegments } from './match/partners/partnerTargets.ts';
// Seeded synthetic markets and the solvers, for the benchmarks (scripts/bench/assignmentSolvers.ts, resourceMarketBench.ts).
export { randomProblem, randomSizedProblem, unitProblem } from './match/assignment/randomMarket.ts';
export { solveAssignment, greedyAssignment, type AssignmentOptions, type AssignmentProblem } from './match/assignment/index.ts';
export { lcg } from './core/lcg.ts';
// The resource market benchmark (scripts/bench/resourceMarketBench.ts) builds its contexts and problem from these.
export { assignmentDefaults } from './match/assignment/assignmentDefaults.ts';
export { buildAssignmentProblem } from './match/resources/assignmentProblem.ts';
export { indexParty, type DemandContext, type OfferContext, type Party } from './match/resources/resourceTypes.ts';
export { demandOf, offerOf } from './match/resources/testContexts.ts';
export { DEFAULT_MODEL_ID, MODEL_FILES, embedderConfigFromEnv, loadEmbedder } from './text/embedder.ts';
export { embedNodes } from './text/embedNodes.ts';
export { writeTinyModel } from './text/tinyModel.ts';
export { connectHttpEmbedder, HttpEmbedder } from './text/httpEmbedder.ts';
export { LexicalScorer } from './text/lexical.ts';
export { LexicalSimilarity, loadTextCorpus } from './text/textSimilarity.ts';
export { researchPassage } from './text/researchPassage.ts';
export { readNeedCases } from './text/needCases.ts';
export { evaluateNeedRetrieval, type NeedRetrievalEvaluation, type RetrievalDocument } from './match/pairing/needRetrievalEval.ts';
export { loadResearchCatalog } from './match/pairing/researchCatalog.ts';
export { unitText } from './match/pairing/pairSignals.ts';
export { loadAttachmentTraining } from './classify/attachmentTraining.ts';
export {
  crossValidateAttachment,
  attachmentLabels,
  trainOnFold,
  type AttachmentEvaluation,
  type HeldOutAnswer,
  type LabelledExample,
} from './classify/crossValidateAttachment.ts';
export { embeddingText } from './classify/firmTerms.ts';
export { readLabelledFile } from './classify/labelledFile.ts';
export { calibrationReport } from './classify/calibrationReport.ts';
export { foldsByFirm } from './classify/firmFolds.ts';
export { attachmentDecision, attachmentService } from './config/attachment.ts';
