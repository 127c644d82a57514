# The staging environment: its own Voice application, service plan and numbers.
application_key = "de305d54-75b4-431b-adb2-eb6b9e546014"
service_plan_id = "7f0b2c1d9e8a4b3c8d7e6f5a4b3c2d1e"
numbers         = ["+12025550100", "+12025550101"]
secret_version  = 1
