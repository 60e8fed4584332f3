"""Returns (RMA): request, review against the policy, return shipping, receiving and grading,
refund or exchange. Each change is one service function in one transaction."""
