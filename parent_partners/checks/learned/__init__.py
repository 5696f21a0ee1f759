"""The learned stage of the blame check: a sentence classifier that reads whole sentences.

sentences: cutting text into sentences, clauses and tokens; features: what the model reads;
model: the shipped weights and scoring; combine: merging with the rule stage; fit: training.
"""
