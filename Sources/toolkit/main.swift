print("toolkit")
