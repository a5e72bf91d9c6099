import ArgumentParser
import Pipeline
print("claimex")
