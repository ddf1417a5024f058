/**
 * The ten analysts' questions, each as the one GraphQL query an analyst sends: the same text
 * the tests send and the analysts' guide prints. Contest-wide questions filter by year, so
 * they need no id; a round's distribution, harshness and agreement take the round's id.
 */
export interface Question {
  name: string;
  /** What it answers, in one sentence. */
  sentence: string;
  query: string;
  /** Variables it needs, by name, with where to find them. */
  needs?: Record<string, string>;
}

const Q1: Question = {
  name: 'Q1',
  sentence: 'How many 2019 submissions each mobilizing union brought in, per track and status.',
  query: `query Q1SubmissionsPerUnionTrackStatus {
  analytics {
    cube(fact: SUBMISSION, measures: [{ kind: COUNT }], groupBy: [MOBILIZING_UNION, TRACK, STATUS], filter: { year: [2019] }, first: 1000) {
      groups
      records
      cells { group { mobilizingUnion { id name } track { id code } status } values }
    }
  }
}`,
};

const Q2: Question = {
  name: 'Q2',
  sentence: 'The share of 2019 submissions that reached the final and that were judged excellent, per track and per district.',
  query: `query Q2FinalistAndExcellentRates {
  analytics {
    byTrack: cube(
      fact: SUBMISSION
      measures: [{ kind: COUNT }, { kind: RATE, field: FINALIST }, { kind: RATE, field: EXCELLENT }]
      groupBy: [TRACK]
      filter: { year: [2019] }
    ) {
      cells { group { track { id code } } records values }
    }
    byDistrict: cube(
      fact: SUBMISSION
      measures: [{ kind: COUNT }, { kind: RATE, field: FINALIST }, { kind: RATE, field: EXCELLENT }]
      groupBy: [DISTRICT]
      filter: { year: [2019] }
    ) {
      cells { group { district } records values }
    }
  }
}`,
};

const Q3: Question = {
  name: 'Q3',
  sentence: 'How the scorecard totals of the evaluation round (第二轮评审) spread over 10-point buckets, per track.',
  needs: { round: 'the EVALUATION round’s id: contest(code: $code) { reviewRounds { id stage } }' },
  query: `query Q3EvaluationScoreDistribution($round: ID!) {
  analytics {
    scoreHistogram(round: $round, width: 10, by: TRACK) {
      track { id code }
      records
      buckets { from to count }
    }
  }
}`,
};

const HARSHNESS = 'expert { id person { name } } items meanDeviation stdDev low high place';
const Q4: Question = {
  name: 'Q4',
  sentence:
    'The five harshest and the five most lenient judges of the evaluation round: each one’s mean deviation from the other judges of the same entries, with its 95% interval.',
  needs: Q3.needs,
  query: `query Q4HarshestAndMostLenientJudges($round: ID!) {
  analytics {
    harshest: judgeHarshness(round: $round, order: HARSHEST_FIRST, first: 5) { ${HARSHNESS} }
    mostLenient: judgeHarshness(round: $round, order: MOST_LENIENT_FIRST, first: 5) { ${HARSHNESS} }
  }
}`,
};

const Q5: Question = {
  name: 'Q5',
  sentence: 'How far the judges of each final panel (终评) agree: ICC(2,1), ICC(3,1) and Kendall’s W.',
  needs: { round: 'the FINAL round’s id: contest(code: $code) { reviewRounds { id stage } }' },
  query: `query Q5FinalPanelAgreement($round: ID!) {
  analytics {
    panelAgreement(round: $round, by: PANEL) {
      panel { id name }
      items
      raters
      ratersCompared
      icc21
      icc31
      kendallsW
      complete
    }
  }
}`,
};

const Q6: Question = {
  name: 'Q6',
  sentence: 'How many 2019 honors each mobilizing union’s units received, per award type, and how many of them were conferred.',
  query: `query Q6HonorsPerUnionAndAward {
  analytics {
    cube(
      fact: HONOR
      measures: [{ kind: COUNT }, { kind: SUM, field: CONFERRED }]
      groupBy: [MOBILIZING_UNION, AWARD_TYPE]
      filter: { year: [2019] }
      first: 1000
    ) {
      groups
      records
      cells { group { mobilizingUnion { id name } awardType } values }
    }
  }
}`,
};

const Q7: Question = {
  name: 'Q7',
  sentence: 'The 2019 excellent achievements by the level of the highest honor they already held (NONE without any).',
  query: `query Q7ExcellentByPriorHonorLevel {
  analytics {
    cube(
      fact: SUBMISSION
      measures: [{ kind: COUNT }]
      groupBy: [PRIOR_HONOR_LEVEL]
      filter: { year: [2019], fields: [{ field: EXCELLENT, is: true }] }
    ) {
      records
      cells { group { priorHonorLevel } values }
    }
  }
}`,
};

const Q8: Question = {
  name: 'Q8',
  sentence:
    'Review progress of every 2019 round, per panel and expert: entries assigned, scored, declined and with a declared conflict (it moves as scorecards come in, while the round is open).',
  query: `query Q8ReviewProgress {
  analytics {
    cube(
      fact: ASSIGNMENT
      measures: [{ kind: COUNT }, { kind: SUM, field: SCORED }, { kind: SUM, field: DECLINED }, { kind: SUM, field: CONFLICT_DECLARED }]
      groupBy: [ROUND, PANEL, EXPERT]
      filter: { year: [2019] }
      first: 1000
    ) {
      groups
      records
      cells { group { round { id name } panel { id name } expert { id } } values }
    }
  }
}`,
};

const EVALUATION_MEANS = `measures: [
        { kind: MEAN, field: LEADERSHIP }
        { kind: MEAN, field: PROMOTION }
        { kind: MEAN, field: PERFORMANCE }
        { kind: MEAN, field: INCENTIVE }
        { kind: MEAN, field: FEATURES }
        { kind: MEAN, field: TOTAL }
      ]`;
const Q9: Question = {
  name: 'Q9',
  sentence:
    'The 2019 organizer evaluations: the mean of each of the five dimensions over every organizer, and each organizer’s figures with its rank by total (ties share a rank).',
  query: `query Q9OrganizerEvaluations {
  analytics {
    overall: cube(
      fact: ORGANIZER_EVALUATION
      ${EVALUATION_MEANS}
      filter: { year: [2019] }
    ) {
      records
      cells { values }
    }
    ranking: cube(
      fact: ORGANIZER_EVALUATION
      ${EVALUATION_MEANS}
      groupBy: [ORGANIZATION]
      filter: { year: [2019] }
      orderBy: [{ measure: 5, direction: DESC }]
      first: 1000
    ) {
      groups
      cells { group { organization { id name } } values rank }
    }
  }
}`,
};

const Q10: Question = {
  name: 'Q10',
  sentence: 'Year over year: submissions, finalists and excellent achievements, and honors (all and conferred), for every contest year.',
  query: `query Q10YearOverYear {
  analytics {
    submissions: cube(
      fact: SUBMISSION
      measures: [{ kind: COUNT }, { kind: SUM, field: FINALIST }, { kind: SUM, field: EXCELLENT }]
      groupBy: [YEAR]
    ) {
      cells { group { year } values }
    }
    honors: cube(fact: HONOR, measures: [{ kind: COUNT }, { kind: SUM, field: CONFERRED }], groupBy: [YEAR]) {
      cells { group { year } values }
    }
  }
}`,
};

export const QUESTIONS = { Q1, Q2, Q3, Q4, Q5, Q6, Q7, Q8, Q9, Q10 } as const;
