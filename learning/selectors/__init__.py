"""Reads for the learner's side: the one place that knows their queries.

One module a thing read: :mod:`~learning.selectors.learners` (who is asking),
:mod:`~learning.selectors.rows` (light topic rows), :mod:`~learning.selectors.knowledge`
(what a learner knows, progress, the topic page's status), :mod:`~learning.selectors.plan`
(the learning plan), :mod:`~learning.selectors.picture` (the pictures of the graph on
the topic page and the plan), :mod:`~learning.selectors.review` (spaced review: what is
due, the daily queue) and :mod:`~learning.selectors.dashboard`. Every read takes a constant
number of queries whatever the size of the graph, and reads only the rows it shows. The
names the views and tests use are gathered here.
"""

from learning.selectors.dashboard import (
    Dashboard,
    current_goal,
    dashboard_get,
    frontier_global,
    goal_list,
)
from learning.selectors.knowledge import (
    Knowledge,
    Progress,
    TopicStatus,
    knowledge_get,
    progress_get,
    topic_status,
    topic_status_context,
)
from learning.selectors.learners import (
    attempts_recent,
    learner_get,
    mastered_ids,
    request_learner,
)
from learning.selectors.picture import plan_picture, topic_picture
from learning.selectors.plan import (
    FRONTIER_LIMIT,
    PLAN_PAGE_SIZE,
    Plan,
    PlanStep,
    PlanSteps,
    plan_build,
)
from learning.selectors.review import (
    Daily,
    Reviews,
    daily_get,
    due_topic_ids,
    memories_of,
    reviews_get,
)
from learning.selectors.rows import TopicRow, rows_at, topic_rows

__all__ = [
    "FRONTIER_LIMIT",
    "PLAN_PAGE_SIZE",
    "Daily",
    "Dashboard",
    "Knowledge",
    "Plan",
    "PlanStep",
    "PlanSteps",
    "Progress",
    "Reviews",
    "TopicRow",
    "TopicStatus",
    "attempts_recent",
    "current_goal",
    "daily_get",
    "dashboard_get",
    "due_topic_ids",
    "frontier_global",
    "goal_list",
    "knowledge_get",
    "learner_get",
    "mastered_ids",
    "memories_of",
    "plan_build",
    "plan_picture",
    "progress_get",
    "request_learner",
    "reviews_get",
    "rows_at",
    "topic_picture",
    "topic_rows",
    "topic_status",
    "topic_status_context",
]
